package frontmatter

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// dateLayouts are the date forms front matter may use, tried in order.
// Forms without a zone are read as UTC, so a build does not depend on the
// machine's time zone.
var dateLayouts = [...]string{
	time.RFC3339Nano, // 2012-11-21T10:00:00Z, 2012-11-21T10:00:00.5+05:00
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04Z07:00",
	"2006-01-02 15:04",
	"2006-01-02",
}

var datePrefixRE = regexp.MustCompile(`^\d{4}-\d{1,2}-\d{1,2}`)

// parseDate reads a date as written in front matter. On failure the
// error says what is wrong in words an editor can act on.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	if p := datePrefixRE.FindString(s); p != "" {
		if _, err := time.Parse("2006-1-2", p); err != nil {
			reason := err.Error()
			if i := strings.LastIndex(reason, ": "); i >= 0 {
				reason = reason[i+2:]
			}
			return time.Time{}, fmt.Errorf("is not a real date: %q (%s)", s, reason)
		}
	}
	return time.Time{}, fmt.Errorf("must be a date like 2024-03-09, got %q", s)
}

// Date reads a date a template holds: a time (front matter's dates, a
// page's .Date), or text read by ParseDate's rules (JSON has no dates, and
// data files give dates as the text written). It is the one reader of a
// date for every template function (dateFormat, time.AsTime,
// .GroupByParamDate …). A nil *time.Time is the zero time.
//
// Text may also be a month or a year alone ("2012-03", "2012"), read as
// its first day, where Hugo refuses them: a campaign's timeline often
// knows an event only to the month, and its data file says so
// (data/timeline.yaml's "2012-03", shown as "March 2012").
func Date(v any) (time.Time, error) {
	switch x := v.(type) {
	case time.Time:
		return x, nil
	case *time.Time:
		if x == nil {
			return time.Time{}, nil
		}
		return *x, nil
	case string:
		t, err := ParseDate(x)
		if err != nil {
			for _, l := range []string{"2006-01", "2006"} {
				if t, e := time.Parse(l, strings.TrimSpace(x)); e == nil {
					return t, nil
				}
			}
		}
		return t, err
	}
	return time.Time{}, fmt.Errorf("must be a date like 2024-03-09, got %v, which is neither a date nor text", v)
}

// ParseDate reads a date written as text as front matter's dates are
// read. Its error says what is wrong: "must be a date like 2024-03-09,
// got \"soon\"". A year or a month alone ("2012", "2012-05") is no date
// in front matter, as in Hugo 0.165 (templates read them: see Date).
func ParseDate(s string) (time.Time, error) { return parseDate(s) }

func dateHint(key string, f format) string {
	if f == formatJSON {
		return fmt.Sprintf(`write the date as YYYY-MM-DD, e.g. "%s": "2024-03-09", or with a time: "%s": "2024-03-09T18:30:00+05:00"`,
			key, key)
	}
	sep := ": "
	if f == formatTOML {
		sep = " = "
	}
	return fmt.Sprintf("write the date as YYYY-MM-DD, e.g. %s%s2024-03-09, or with a time: %s%s2024-03-09T18:30:00+05:00",
		key, sep, key, sep)
}
