package dyad

// SentenceKind says what part of an article a sentence belongs to.
type SentenceKind string

// The kinds of sentence. Only headline and body sentences are coded for
// events; captions are kept (they carry dates and places) and boilerplate is
// kept with its offsets but never coded.
const (
	KindHeadline    SentenceKind = "headline"
	KindBody        SentenceKind = "body"
	KindCaption     SentenceKind = "caption"
	KindBoilerplate SentenceKind = "boilerplate"
)

// Block is a line or paragraph of the article as the cleaning stage sees it:
// a span of text with a kind and, for boilerplate, the rule that matched.
type Block struct {
	Span
	Kind SentenceKind
	// Rule names the boilerplate or caption rule that classified the block
	// ("photo-credit", "advertisement", ...); empty for headline and body.
	Rule string
	// Para counts paragraphs (blocks separated by blank lines) from 0.
	Para int
}

// Sentence is one sentence with its tokens.
type Sentence struct {
	Start  int          `json:"start"`
	End    int          `json:"end"`
	Text   string       `json:"text"`
	Kind   SentenceKind `json:"kind"`
	Rule   string       `json:"rule,omitempty"`
	Para   int          `json:"-"`
	Tokens []Token      `json:"-"`
}

// Span returns the sentence's byte range.
func (s *Sentence) Span() Span { return Span{s.Start, s.End} }

// Token is a word or punctuation mark, tokenised the way Universal
// Dependencies English does it ("don't" is "do" + "n't", "Assad's" is
// "Assad" + "'s").
type Token struct {
	Start int // byte offset of the token's first byte in Article.Text
	End   int // byte offset just past its last byte
	// Text is the token as written: Article.Text[Start:End].
	Text string
	// Norm is the form the tagger and the dictionaries see: curly quotes and
	// apostrophes folded to ASCII, dashes to "-" or "--", no-break spaces
	// removed, "n’t" to "n't".
	Norm string
	// SpaceAfter reports whether white space follows the token.
	SpaceAfter bool

	// Set by the tagger and parser.
	UPOS  string // universal part of speech (NOUN, VERB, PROPN, ...)
	XPOS  string // Penn Treebank tag (NN, VBD, NNP, ...)
	Lemma string
	Head  int    // index of the head token in the sentence, -1 for the root
	Rel   string // Universal Dependencies relation to the head
}
