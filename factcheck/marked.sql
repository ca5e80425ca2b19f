-- Which claims take part in some value conflict: the set the sweep (factcheck/sweep.py)
-- marks, found with joins and aggregates instead of a sweep. factcheck runs this text on
-- DuckDB (factcheck/columnar.py); docs/scaling.md says what changes on a distributed engine.
--
-- Input: a relation `items`, one row per claim the sweep compares:
--   subject, property, scope  the group; only claims of one group are compared
--   claim                     the claim's id
--   lo, hi                    its value as an interval, widened by the tolerance
--   t_lo, t_hi                the time it refers to; -inf and inf when it gives none
--   growing                   whether the property is a quantity that only grows
-- Output: one row per claim in some conflict, `claim`.
--
-- Two claims of a group conflict when their value intervals are disjoint and their time
-- windows overlap. For a growing quantity a lower value is also wrong when a higher one
-- starts strictly earlier, whatever the windows.
--
-- No step pairs claims up: the pairs can number in the billions where a topic has a
-- million claims. Claims without a time meet the others through a group's highest and
-- lowest bound. Claims with one meet theirs through a binary tree over their positions in
-- the order they start (log n rows a claim, joined on equal keys only). Growing
-- quantities use running maxima and minima in that order.
WITH
numbered AS (
    -- each group as one number, so that what follows compares one integer, not three texts
    SELECT
        claim, lo, hi, t_lo, t_hi, growing,
        t_lo = CAST('-infinity' AS DOUBLE) AND t_hi = CAST('infinity' AS DOUBLE) AS all_time,
        dense_rank() OVER (ORDER BY subject, property, scope) AS grp
    FROM items
),
timeless AS (
    -- a window of all time overlaps every other, so these need no join
    SELECT * FROM numbered WHERE all_time
),
windowed AS (
    SELECT * FROM numbered WHERE NOT all_time
),
timeless_bounds AS (
    SELECT grp, max(lo) AS top_lo, min(hi) AS bottom_hi
    FROM timeless
    GROUP BY grp
),
all_bounds AS (
    SELECT grp, max(lo) AS top_lo, min(hi) AS bottom_hi
    FROM numbered
    GROUP BY grp
),
against_timeless AS (
    -- any claim against a timeless one (a claim's own interval never lies beyond itself)
    SELECT i.claim
    FROM numbered AS i
    JOIN timeless_bounds AS b USING (grp)
    WHERE b.top_lo > i.hi OR b.bottom_hi < i.lo
),
timeless_against_any AS (
    SELECT t.claim
    FROM timeless AS t
    JOIN all_bounds AS b USING (grp)
    WHERE b.top_lo > t.hi OR b.bottom_hi < t.lo
),
positioned AS (
    -- claims with a window, numbered in the order they start
    SELECT
        *,
        row_number() OVER (PARTITION BY grp ORDER BY t_lo, claim) - 1
            AS pos
    FROM windowed
),
reach AS (
    -- Two windows overlap exactly when the later-starting claim starts within the other's
    -- window, so each claim meets its partners at positions `first` (its own) to `last`
    -- (the last claim that starts no later than its window ends). `last` comes from a
    -- running maximum over starts and ends sorted together, starts first on a tie.
    SELECT grp, claim, lo, hi, first, last
    FROM (
        SELECT
            *,
            max(pos) OVER (
                PARTITION BY grp ORDER BY t, is_end
                ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
            ) AS last
        FROM (
            SELECT grp, claim, lo, hi, t_lo AS t, 0 AS is_end, pos,
                NULL AS first
            FROM positioned
            UNION ALL
            SELECT grp, claim, lo, hi, t_hi AS t, 1 AS is_end, NULL,
                pos AS first
            FROM positioned
        )
    )
    WHERE is_end = 1
),
levels AS (
    -- the levels of a binary tree over the positions of the largest group
    SELECT level, 1 << level AS width
    FROM range(0, (SELECT floor(log2(greatest(1, max(pos) + 1)))::BIGINT + 1 FROM positioned))
        AS t(level)
),
point_nodes AS (
    -- each position under its tree node at every level
    SELECT p.grp, p.claim, p.lo, p.hi, l.level, p.pos // l.width AS node
    FROM positioned AS p, levels AS l
),
reach_nodes AS (
    -- each claim's reach [first, last] split into the fewest whole tree nodes: a node wholly
    -- within it whose parent is not. There are at most two a level, one at each end: the
    -- first node that starts within the reach and the last that ends within it (the same
    -- node twice does no harm to what is made of these rows).
    SELECT grp, claim, lo, hi, level, node
    FROM (
        SELECT r.*, l.level, l.width, (r.first + l.width - 1) // l.width AS node
        FROM reach AS r, levels AS l
        UNION ALL
        SELECT r.*, l.level, l.width, (r.last + 1) // l.width - 1 AS node
        FROM reach AS r, levels AS l
    )
    WHERE node * width >= first
        AND (node + 1) * width - 1 <= last
        AND NOT (node // 2 * 2 * width >= first AND (node // 2 + 1) * 2 * width - 1 <= last)
),
point_bounds AS (
    SELECT grp, level, node, max(lo) AS top_lo, min(hi) AS bottom_hi
    FROM point_nodes
    GROUP BY grp, level, node
),
reach_bounds AS (
    SELECT grp, level, node, max(lo) AS top_lo, min(hi) AS bottom_hi
    FROM reach_nodes
    GROUP BY grp, level, node
),
meets_beyond AS (
    -- a claim that meets, within its reach, a value wholly above or below its own
    SELECT r.claim
    FROM reach_nodes AS r
    JOIN point_bounds AS b USING (grp, level, node)
    WHERE b.top_lo > r.hi OR b.bottom_hi < r.lo
),
met_beyond AS (
    -- a claim within the reach of a claim whose value lies wholly above or below its own
    SELECT p.claim
    FROM point_nodes AS p
    JOIN reach_bounds AS b USING (grp, level, node)
    WHERE b.top_lo > p.hi OR b.bottom_hi < p.lo
),
in_time_order AS (
    -- growing quantities: the highest value that starts no later, the lowest that starts
    -- no earlier (claims that start at once overlap, so they are compared above anyway)
    SELECT
        claim, lo, hi,
        max(lo) OVER (
            earlier RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
        ) AS top_before,
        min(hi) OVER (
            earlier RANGE BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING
        ) AS bottom_after
    FROM windowed
    WHERE growing
    WINDOW earlier AS (PARTITION BY grp ORDER BY t_lo)
),
fallen AS (
    SELECT claim FROM in_time_order WHERE top_before > hi OR bottom_after < lo
)
SELECT claim FROM against_timeless
UNION SELECT claim FROM timeless_against_any
UNION SELECT claim FROM meets_beyond
UNION SELECT claim FROM met_beyond
UNION SELECT claim FROM fallen
