package dyad

// TimeExpr is a temporal expression found in a sentence and resolved
// against the article's publication date.
type TimeExpr struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Sentence int    `json:"sentence"`
	// Date is the resolved date: YYYY-MM-DD, or YYYY-MM / YYYY when the
	// expression names only a month or a year; "" when it cannot be resolved.
	Date string `json:"date"`
	// Since marks the start of a state that goes on ("since September 30").
	Since bool `json:"since,omitempty"`
	// Rule names the rule that resolved it, for explanation.
	Rule string `json:"rule,omitempty"`
}
