package sqlstore

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/dyad-project/dyad"
)

// OwnText returns the value of a text column that may be NULL when the
// text is the article's own bytes [start, end) (schema version 4:
// sentences.text, mentions.text): nil when s is exactly those bytes, so
// that it is not stored twice, else s.
func OwnText(article string, start, end int, s string) any {
	if 0 <= start && start <= end && end <= len(article) && article[start:end] == s {
		return nil
	}
	return s
}

// SpanText is the reverse of OwnText: the text own holds, or, for NULL,
// the article's bytes [start, end).
func SpanText(article string, start, end int, own *string) (string, error) {
	if own != nil {
		return *own, nil
	}
	if start < 0 || start > end || end > len(article) {
		return "", fmt.Errorf("span [%d, %d) outside the text (%d bytes)", start, end, len(article))
	}
	return article[start:end], nil
}

// EncodeEvidence encodes an event's evidence for the evidence column
// (schema version 4): a JSON array with one array per piece, [role, entry]
// for a piece without a span (no text, offsets 0), else [role, entry,
// text, start, end]. Without the object keys this is half the size of the
// JSON of []dyad.Evidence.
func EncodeEvidence(ev []dyad.Evidence) (string, error) {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, e := range ev {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		for j, s := range []string{e.Role, e.Entry} {
			if j > 0 {
				b.WriteByte(',')
			}
			if err := writeJSONString(&b, s); err != nil {
				return "", err
			}
		}
		if e.Text != "" || e.Start != 0 || e.End != 0 {
			b.WriteByte(',')
			if err := writeJSONString(&b, e.Text); err != nil {
				return "", err
			}
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(e.Start))
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(e.End))
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String(), nil
}

// writeJSONString appends s as a JSON string.
func writeJSONString(b *bytes.Buffer, s string) error {
	q, err := json.Marshal(s)
	if err != nil {
		return err
	}
	b.Write(q)
	return nil
}

// errEvidence reports an evidence column in neither encoding.
var errEvidence = errors.New("evidence: want arrays of 2 or 5 values or objects")

// DecodeEvidence decodes the evidence column: the arrays of EncodeEvidence
// or, as written before schema version 4, the JSON of []dyad.Evidence. It
// returns an empty slice, never nil, for none.
func DecodeEvidence(s string) ([]dyad.Evidence, error) {
	var raw []any
	if err := json.Unmarshal([]byte(s), &raw); err != nil {
		return nil, err
	}
	out := make([]dyad.Evidence, len(raw))
	for i, r := range raw {
		e := &out[i]
		switch v := r.(type) {
		case []any:
			if len(v) != 2 && len(v) != 5 {
				return nil, errEvidence
			}
			var ok [5]bool
			e.Role, ok[0] = v[0].(string)
			e.Entry, ok[1] = v[1].(string)
			ok[2], ok[3], ok[4] = true, true, true
			if len(v) == 5 {
				e.Text, ok[2] = v[2].(string)
				e.Start, ok[3] = jsonInt(v[3])
				e.End, ok[4] = jsonInt(v[4])
			}
			if ok != [5]bool{true, true, true, true, true} {
				return nil, errEvidence
			}
		case map[string]any:
			b, err := json.Marshal(v)
			if err == nil {
				err = json.Unmarshal(b, e)
			}
			if err != nil {
				return nil, err
			}
		default:
			return nil, errEvidence
		}
	}
	return out, nil
}

// jsonInt returns a JSON number that is an integer as an int.
func jsonInt(v any) (int, bool) {
	f, ok := v.(float64)
	if !ok || f != float64(int(f)) {
		return 0, false
	}
	return int(f), true
}
