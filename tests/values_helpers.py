"""Typography that sources paste into values, shared by the value reader tests."""

THIN = "\u2009"  # thin space, as the EUAA report writes `300 000`
NARROW = "\u202f"  # narrow no-break space, as French typography and many CMSs write it
NBSP = "\u00a0"
EN_DASH = "\u2013"
