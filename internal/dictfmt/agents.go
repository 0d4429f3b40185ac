package dictfmt

import (
	"io"
	"regexp"
	"strings"
)

// ReadPetrarchAgents converts a PETRARCH agent dictionary ("PHRASE {PLURALS}
// [~CODE]" lines and "!SET! = A, B" substitution sets, "#" comments) into
// dyad "agent" lines.
func ReadPetrarchAgents(name string, r io.Reader) ([]byte, error) {
	return readAgents(name, r, petrarch)
}

// ReadTabariAgents converts a TABARI agent dictionary ("PHRASE_ [~CODE]"
// lines, ";" comments) into dyad "agent" lines.
func ReadTabariAgents(name string, r io.Reader) ([]byte, error) {
	return readAgents(name, r, tabari)
}

var (
	substRE  = regexp.MustCompile(`^(![A-Za-z0-9_]+!)\s*=\s*(.*)$`)
	pluralRE = regexp.MustCompile(`\{[^}]*\}`)
)

func readAgents(name string, r io.Reader, d dialect) ([]byte, error) {
	lines, err := readLines(r)
	if err != nil {
		return nil, err
	}
	w := &writer{file: name}
	subst := map[string][]string{}
	seen := map[string]bool{}
	for i, raw := range lines {
		n := i + 1
		t := strings.TrimSpace(raw)
		if t == "" || strings.HasPrefix(t, "<!--") || strings.HasSuffix(t, "-->") || strings.HasPrefix(t, "#") ||
			strings.HasPrefix(t, "//") {
			continue
		}
		body := strings.TrimSpace(cutComment(raw, d.comments))
		if body == "" {
			continue
		}
		if m := substRE.FindStringSubmatch(body); m != nil {
			var words []string
			for _, f := range strings.Split(m[2], ",") {
				if f = strings.TrimSpace(f); f != "" {
					words = append(words, f)
				}
			}
			if len(words) == 0 {
				w.errorf(n, "substitution set %s has no members", m[1])
				continue
			}
			subst[m[1]] = words
			continue
		}
		codes := codeBlockRE.FindAllString(body, -1)
		if len(codes) != 1 {
			w.errorf(n, "want one agent code [~CODE] or [CODE~], found %d", len(codes))
			continue
		}
		code := strings.ToUpper(strings.Join(strings.Fields(strings.Trim(codes[0], "[]")), ""))
		bare := strings.Trim(code, "~")
		if strings.Count(code, "~") != 1 || !(strings.HasPrefix(code, "~") || strings.HasSuffix(code, "~")) || !validCode(bare) {
			w.errorf(n, "agent code %s: want ~XXX or XXX~ with a CAMEO code", codes[0])
			continue
		}
		rest := strings.TrimSpace(codeBlockRE.ReplaceAllString(body, " "))
		var plurals []string
		// "POLICE {} [~COP]": no plural at all (PETRARCH makes the
		// regular plural only when no braces are written).
		noPlural := false
		if m := pluralRE.FindString(rest); m != "" {
			noPlural = strings.TrimSpace(strings.Trim(m, "{}")) == "" && d == petrarch
			for _, p := range strings.Fields(strings.Trim(m, "{}")) {
				plurals = append(plurals, p)
			}
			rest = strings.TrimSpace(pluralRE.ReplaceAllString(rest, " "))
		}
		if strings.ContainsAny(rest, "{}") {
			w.errorf(n, "unbalanced braces in %q", body)
			continue
		}
		phrases, bad := expandSubst(rest, subst)
		if bad != "" {
			w.errorf(n, "undefined substitution set %s", bad)
			continue
		}
		var plural []string
		for _, p := range plurals {
			ps, bad := expandSubst(p, subst)
			if bad != "" {
				w.errorf(n, "undefined substitution set %s", bad)
				continue
			}
			plural = append(plural, ps...)
		}
		for _, p := range phrases {
			text := strings.ToLower(phraseText(p))
			if text == "" {
				w.errorf(n, "agent without a phrase")
				break
			}
			if seen[text] {
				continue
			}
			seen[text] = true
			if len(plural) > 0 && len(phrases) == 1 {
				w.line(n, "agent %s %s plural %s", text, code, strings.ToLower(phraseText(plural[0])))
				for _, extra := range plural[1:] {
					if t := strings.ToLower(phraseText(extra)); !seen[t] {
						seen[t] = true
						w.line(n, "agent %s %s noplural", t, code)
					}
				}
				continue
			}
			if noPlural {
				w.line(n, "agent %s %s noplural", text, code)
				continue
			}
			w.line(n, "agent %s %s", text, code)
		}
	}
	return finishActors(w)
}

var substUseRE = regexp.MustCompile(`![A-Za-z0-9_]+!`)

// expandSubst expands the first substitution marker of a phrase into one
// phrase per member, recursively; bad is an undefined marker.
func expandSubst(s string, subst map[string][]string) (out []string, bad string) {
	m := substUseRE.FindStringIndex(s)
	if m == nil {
		return []string{s}, ""
	}
	words, ok := subst[s[m[0]:m[1]]]
	if !ok {
		return nil, s[m[0]:m[1]]
	}
	for _, word := range words {
		sub, bad := expandSubst(s[:m[0]]+word+s[m[1]:], subst)
		if bad != "" {
			return nil, bad
		}
		out = append(out, sub...)
	}
	return out, ""
}
