"""Deterministic synthetic claim bases for benchmarks, in factcheck's claim file format.

    python benchmarks/generate.py 100000 /tmp/claims-100k [--format yaml|json]
    python benchmarks/generate.py 200 /tmp/planted --plant-truth [--reliable-share 0.3 …]

The same size and seed always give the same files. Like a real claim base: many documents
(reports of about a thousand claims, one per file), each with its own sources and
footnotes; a vocabulary of subjects and properties; topics of very different sizes (most
have a handful of claims, a few have thousands); values in every form the parser reads;
claims that agree, real conflicts, and pairs that only look like conflicts (other scope,
other time). Claim texts are built from the words of the seed documents, so search sees a
natural vocabulary with rare and common words, Russian names in several transliterations,
and a few words with a look-alike letter from the other alphabet.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "tests" / "data" / "seeds"
CLAIMS_PER_FILE = 1000
KINDS = ("media", "ngo", "government", "report", "interview", "academic")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
NAMES = (
    "Aleksei",
    "Alexei",
    "Alexey",
    "Dmitry",
    "Dmitriy",
    "Sergei",
    "Sergey",
    "Yevgeny",
    "Evgeny",
    "Shoigu",
    "Shoygu",
    "Peskov",
    "Galeotti",
    "Klyga",
    "Vaskin",
    "Krivenko",
)
PLACES = (
    "Kazakhstan",
    "Georgia",
    "Finland",
    "Mongolia",
    "Armenia",
    "Serbia",
    "Turkey",
    "Israel",
    "Kyrgyzstan",
    "Belarus",
    "Dagestan",
    "Buryatia",
    "Omsk",
    "Moscow",
)


def _vocabulary() -> list[str]:
    words: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        words += re.findall(r"[A-Za-z][a-z]{2,}", path.read_text(encoding="utf-8"))
    if not words:  # no seed texts (this script copied alone): a fixed list keeps it runnable
        words = [
            "the",
            "mobilisation",
            "reservists",
            "fled",
            "border",
            "decree",
            "military",
            "service",
        ]
    return words


def _quantity(rng: random.Random, centre: float) -> str:
    x = max(1, int(centre * rng.uniform(0.97, 1.03)))
    form = rng.random()
    if form < 0.35:
        return f"{x:,}"
    if form < 0.5:
        return f"around {x:,}".replace(",", " ")
    if form < 0.6:
        return f"more than {int(x * 0.9):,}"
    if form < 0.68:
        return f"up to {int(x * 1.1):,}"
    if form < 0.78:
        return f"{int(x * 0.95):,} – {int(x * 1.05):,}"
    if form < 0.85 and x >= 1_000_000:
        return f"{x / 1_000_000:.1f} million"
    if form < 0.92:
        return f"nearly {int(x * 1.02):,}"
    return f"at least {int(x * 0.97):,}"


def _date(rng: random.Random, year: int) -> str:
    form = rng.random()
    month = rng.choice(MONTHS)
    if form < 0.6:
        return f"{rng.randint(1, 28)} {month} {year}"
    if form < 0.8:
        return f"{month} {year}"
    if form < 0.85:
        return f"{rng.choice(('early', 'late'))} {month} {year}"
    if form < 0.9:
        return f"mid-{month} {year}"
    return str(year)


def vocabulary_file(n_topics: int, rng: random.Random) -> dict[str, object]:
    subjects = [{"id": f"s{i}", "name": f"Subject {i}"} for i in range(n_topics // 10 + 1)]
    properties = []
    for i in range(n_topics):
        kind = ("count", "count", "count", "amount", "percentage", "date")[i % 6]
        prop: dict[str, object] = {
            "id": f"p{i}",
            "name": f"Property {i}",
            "definition": f"Synthetic measure {i}",
            "kind": kind,
            "tolerance": 1 if kind == "date" else 0.05,
        }
        if kind == "count" and i % 2 == 0:
            prop["growing"] = True
        properties.append(prop)
    return {"subjects": subjects, "properties": properties}


def claim_file(
    index: int, n_claims: int, n_topics: int, words: list[str], rng: random.Random
) -> dict[str, object]:
    doc = f"d{index}"
    year = 2015 + index % 10
    sources = []
    for j in range(max(5, n_claims // 20)):
        kind = rng.choice(KINDS)
        source: dict[str, object] = {
            "id": f"{doc}-s{j}",
            "publisher": f"{rng.choice(words).title()} "
            f"{rng.choice(('News', 'Agency', 'Institute', 'Review', 'Service'))}",
            "title": " ".join(rng.choices(words, k=rng.randint(4, 9))).capitalize(),
            "date": _date(rng, year - rng.randint(0, 2)),
            "kind": kind,
        }
        if kind != "interview":
            source["url"] = f"https://example.org/{doc}/{j}" if rng.random() > 0.1 else "#"
        sources.append(source)
    footnotes = [
        {
            "document": doc,
            "label": str(k + 1),
            "cites": [{"source": s["id"]} for s in rng.sample(sources, rng.randint(1, 2))],
        }
        for k in range(max(10, n_claims // 3))
    ]
    claims = []
    for k in range(n_claims):
        # Topic sizes follow a power law: a few topics collect thousands of claims.
        topic = min(n_topics - 1, int(rng.paretovariate(1.1)) - 1)
        kind = ("count", "count", "count", "amount", "percentage", "date")[topic % 6]
        centre = 10 ** (2 + topic % 5) * (1 + topic % 7)
        if kind == "date":
            value = _date(rng, 2020 + topic % 5) if rng.random() > 0.05 else _date(rng, 2019)
        elif kind == "percentage":
            value = f"{rng.randint(20, 30) if rng.random() > 0.1 else rng.randint(60, 90)}%"
        else:
            value = _quantity(rng, centre if rng.random() > 0.05 else centre * 3)
        name = rng.choice(NAMES)
        if rng.random() < 0.01:
            name = name.replace("e", "е", 1)  # a Cyrillic look-alike letter
        filler = " ".join(rng.choices(words, k=rng.randint(8, 22)))
        claim: dict[str, object] = {
            "id": f"{doc}-c{k}",
            "document": doc,
            "text": f"{name} said that {value} {filler} in {rng.choice(PLACES)}.",
            "subject": f"s{topic // 10}",
            "property": f"p{topic}",
            "value": value,
            "claimant": name,
            "footnotes": [rng.choice(footnotes)["label"]],
        }
        if kind != "date" and rng.random() < 0.6:
            claim["as_of"] = _date(rng, 2022 + rng.randint(0, 2))
        if rng.random() < 0.1:
            claim["scope"] = {"destination": rng.choice(PLACES)}
        if rng.random() < 0.02:
            claim["stance"] = "denies"
        elif rng.random() < 0.3:
            claim["stance"] = "reports"
        claims.append(claim)
    document = {
        "id": doc,
        "title": f"Report {index}",
        "publisher": "Synthetic Agency",
        "date": str(year + 1),
    }
    return {"documents": [document], "sources": sources, "footnotes": footnotes, "claims": claims}


def generate(size: int, folder: Path, fmt: str = "yaml", seed: int = 7) -> list[Path]:
    """Write a claim base of `size` claims into `folder`; return the files written."""
    import yaml

    rng = random.Random(seed)
    words = _vocabulary()
    n_topics = max(20, size // 50)
    folder.mkdir(parents=True, exist_ok=True)
    written = []

    def dump(name: str, data: dict[str, object]) -> None:
        path = folder / f"{name}.{fmt}"
        if fmt == "json":
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        else:
            path.write_text(
                yaml.dump(
                    data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000
                ),
                encoding="utf-8",
            )
        written.append(path)

    dump("vocabulary", vocabulary_file(n_topics, rng))
    remaining, index = size, 0
    while remaining > 0:
        n = min(CLAIMS_PER_FILE, remaining)
        dump(f"report-{index:05d}", claim_file(index, n, n_topics, words, rng))
        remaining -= n
        index += 1
    return written


# --------------------------------------------------------------------------- planted truth


def _stated(rng: random.Random, value: float) -> str:
    """A figure as a source writes it: within 1 % of `value`, plain or `around`."""
    x = int(value * rng.uniform(0.99, 1.01))
    return f"{x:,}" if rng.random() < 0.7 else f"around {x:,}".replace(",", " ")


def plant_truth(
    folder: Path,
    *,
    topics: int = 200,
    publishers: int = 40,
    per_topic: int = 7,
    reliable_share: float = 0.5,
    reliable_error: float = 0.1,
    unreliable_error: float = 0.6,
    copier_share: float = 0.0,
    listed_share: float = 1.0,
    seed: int = 7,
) -> dict[str, float]:
    """Write a claim base in which every property has a true value, and return it by
    property id (also written to `truth.json`).

    Each of `publishers` publishers is reliable (a share `reliable_share` of them) or not,
    and publishes one document citing one source of its own. Each topic is stated by
    `per_topic` publishers drawn at random: a reliable one states a wrong value with
    probability `reliable_error`, an unreliable one with probability `unreliable_error`;
    wrong values are drawn from two per topic, so that errors can agree with each other.
    A share `copier_share` of the unreliable publishers relay another unreliable one
    (`reports`) and copy its value whenever both state a topic. `reliability.csv` rates
    a share `listed_share` of the publishers (generally reliable or generally
    unreliable). The same arguments always write the same files.
    """
    import yaml

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    names = [
        f"{rng.choice(('North', 'East', 'Civic', 'Open', 'Field'))} Desk {j}"
        for j in range(publishers)
    ]
    order = list(range(publishers))
    rng.shuffle(order)
    reliable = set(order[: round(reliable_share * publishers)])
    unreliable = [j for j in range(publishers) if j not in reliable]
    copiers = unreliable[: round(copier_share * len(unreliable))]
    originals = [k for k in unreliable if k not in copiers] or [
        k for k in range(publishers) if k not in copiers
    ]
    copies = {j: rng.choice(originals) for j in copiers} if originals else {}
    sources = []
    documents = []
    for j, name in enumerate(names):
        source: dict[str, object] = {
            "id": f"src{j}",
            "publisher": name,
            "title": f"Figures of {name}",
            "url": f"https://desk{j}.example.org/figures",
            "kind": "media",
        }
        if j in copies:
            source["reports"] = [f"src{copies[j]}"]
        sources.append(source)
        documents.append({"id": f"doc{j}", "title": f"Report of {name}", "publisher": name})
    properties = []
    claims = []
    truth: dict[str, float] = {}
    for t in range(topics):
        pid = f"p{t}"
        centre = float(10 ** (3 + t % 4) * (1 + t % 7))
        truth[pid] = centre
        wrong = [centre * f for f in rng.sample((0.4, 0.6, 1.6, 2.2, 3.0), 2)]
        properties.append(
            {
                "id": pid,
                "name": f"Measure {t}",
                "definition": f"Planted measure {t}",
                "kind": "count",
                "tolerance": 0.05,
            }
        )
        stating = sorted(rng.sample(range(publishers), per_topic))
        said: dict[int, float] = {}
        for j in stating:
            error = reliable_error if j in reliable else unreliable_error
            said[j] = rng.choice(wrong) if rng.random() < error else centre
        for j in stating:
            if j in copies and copies[j] in said:
                said[j] = said[copies[j]]
            day = rng.randint(1, 28)
            claims.append(
                {
                    "id": f"t{t}-d{j}",
                    "document": f"doc{j}",
                    "text": f"{names[j]} puts measure {t} at {int(said[j]):,}.",
                    "subject": f"s{t // 10}",
                    "property": pid,
                    "value": _stated(rng, said[j]),
                    "claimant": names[j],
                    "as_of": "2024",
                    "stated": f"{day} {rng.choice(MONTHS)} 2024",
                    "sources": [f"src{j}"],
                }
            )
    subjects = [{"id": f"s{i}", "name": f"Subject {i}"} for i in range(topics // 10 + 1)]
    data = {
        "subjects": subjects,
        "properties": properties,
        "documents": documents,
        "sources": sources,
        "claims": claims,
    }
    (folder / "claims.yaml").write_text(
        yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1000),
        encoding="utf-8",
    )
    listed = sorted(rng.sample(range(publishers), round(listed_share * publishers)))
    rows = ["publisher,rating"] + [
        f"{names[j]},{'generally reliable' if j in reliable else 'generally unreliable'}"
        for j in listed
    ]
    (folder / "reliability.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="Claims to write (topics, with --plant-truth).")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", choices=("yaml", "json"), default="yaml")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--plant-truth",
        action="store_true",
        help="Write SIZE topics with a true value each, stated by reliable and unreliable "
        "publishers, with truth.json and reliability.csv (see plant_truth).",
    )
    parser.add_argument("--reliable-share", type=float, default=0.5)
    parser.add_argument("--reliable-error", type=float, default=0.1)
    parser.add_argument("--unreliable-error", type=float, default=0.6)
    parser.add_argument("--copier-share", type=float, default=0.0)
    parser.add_argument("--listed-share", type=float, default=1.0)
    args = parser.parse_args()
    if args.plant_truth:
        plant_truth(
            args.folder,
            topics=args.size,
            reliable_share=args.reliable_share,
            reliable_error=args.reliable_error,
            unreliable_error=args.unreliable_error,
            copier_share=args.copier_share,
            listed_share=args.listed_share,
            seed=args.seed,
        )
        sys.stdout.write(f"{args.size:,} topics with a planted truth in {args.folder}\n")
        return
    files = generate(args.size, args.folder, args.format, args.seed)
    sys.stdout.write(f"{len(files)} files, {args.size:,} claims in {args.folder}\n")


if __name__ == "__main__":
    main()
