package parse

import "strings"

// foldReplacer maps the typographic characters that dyad's tokeniser folds
// in Token.Norm to their ASCII forms, so that the model sees the same forms
// whether its input comes from the tokeniser or from a treebank.
var foldReplacer = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201A", "'", "\u201B", "'", "\u2032", "'",
	"\u201C", `"`, "\u201D", `"`, "\u201E", `"`, "\u201F", `"`, "\u2033", `"`,
	"\u00AB", `"`, "\u00BB", `"`,
	"\u2014", "--", "\u2015", "--", "\u2013", "--", "\u2012", "-", "\u2010", "-", "\u2011", "-", "\u2212", "-",
	"\u2026", "...",
	"\u00A0", "", "\u200B", "", "\u00AD", "",
)

// fold returns w with typographic quotes, dashes and ellipses in ASCII. It
// does not allocate when w is plain ASCII.
func fold(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			f := foldReplacer.Replace(w)
			if f == "" {
				return w
			}
			return f
		}
	}
	return w
}
