package ingest

import (
	"bytes"
	"mime"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// decodeHTML returns a page's bytes as UTF-8, without a byte order mark.
// Valid UTF-8 is returned as it is, whatever the page declares; otherwise a
// UTF-16 byte order mark, the charset of the HTTP Content-Type header
// (transportCharset, "" for a file) or a charset the page declares tells
// how to decode it, in that order, as in the HTML standard. A page that is
// not UTF-8 and declares no other charset fails with ErrEncoding.
func decodeHTML(path string, data []byte, transportCharset string) ([]byte, error) {
	text, skipped := stripBOM(data)
	off := invalidUTF8(text)
	if off < 0 {
		return text, nil
	}
	var label string
	src := text
	switch {
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		label, src = "utf-16be", data[2:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		label, src = "utf-16le", data[2:]
	default:
		if enc, name := charset.Lookup(transportCharset); enc != nil && name != "utf-8" {
			label = transportCharset
		} else {
			label = declaredCharset(text)
		}
	}
	if label == "" {
		return nil, newError(path, 0, skipped+off, ErrEncoding, "invalid UTF-8 at byte %d", skipped+off)
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, newError(path, 0, skipped+off, ErrEncoding, "invalid UTF-8 at byte %d, and the declared charset %q is unknown", skipped+off, label)
	}
	if name == "utf-8" {
		return nil, newError(path, 0, skipped+off, ErrEncoding, "invalid UTF-8 at byte %d", skipped+off)
	}
	out, err := enc.NewDecoder().Bytes(src)
	if err != nil {
		return nil, newError(path, 0, -1, ErrEncoding, "cannot decode the declared charset %s: %v", name, err)
	}
	return out, nil
}

// declaredCharset returns the charset a page declares in <meta charset> or
// <meta http-equiv="Content-Type" content="...; charset=...">, looking at
// the head only, or "" when it declares none. The tokenizer reads the
// bytes as they are, which is safe for the ASCII-compatible encodings a
// page can declare this way.
func declaredCharset(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				var cs, equiv, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch strings.ToLower(string(k)) {
					case "charset":
						cs = string(v)
					case "http-equiv":
						equiv = string(v)
					case "content":
						content = string(v)
					}
				}
				if cs = strings.TrimSpace(cs); cs != "" {
					return cs
				}
				if strings.EqualFold(strings.TrimSpace(equiv), "content-type") {
					if cs := contentTypeCharset(content); cs != "" {
						return cs
					}
				}
			}
		}
	}
}

// contentTypeCharset returns the charset parameter of a Content-Type value.
func contentTypeCharset(v string) string {
	if _, params, err := mime.ParseMediaType(v); err == nil {
		return strings.TrimSpace(params["charset"])
	}
	// Pages often write malformed values such as "text/html;charset=
	// windows-1251;"; look for the parameter by hand.
	i := strings.Index(strings.ToLower(v), "charset=")
	if i < 0 {
		return ""
	}
	cs := v[i+len("charset="):]
	if j := strings.IndexAny(cs, "; "); j >= 0 {
		cs = cs[:j]
	}
	return strings.Trim(cs, `"'`)
}
