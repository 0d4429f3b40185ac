package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/dyad-project/dyad"
)

// Error codes: the "code" of every error response. Clients switch on these;
// the message is for people.
const (
	ECodeInvalid          = "invalid"                // a malformed parameter or body
	ECodeNotFound         = "not_found"              // no such article, actor or route
	ECodeUnauthorized     = "unauthorized"           // a write without credentials
	ECodeForbidden        = "forbidden"              // a write with wrong credentials, or to a read-only server
	ECodeMethodNotAllowed = "method_not_allowed"     // a method the route does not take
	ECodeTooLarge         = "too_large"              // a request body over the limit
	ECodeUnsupportedMedia = "unsupported_media_type" // a body that is not JSON Lines
	ECodeTimeout          = "timeout"                // the request ran past its deadline
	ECodeInternal         = "internal"               // anything else: a bug or a broken database
)

// codeStatus is the one table from error codes to HTTP status codes.
var codeStatus = map[string]int{
	ECodeInvalid:          http.StatusBadRequest,
	ECodeNotFound:         http.StatusNotFound,
	ECodeUnauthorized:     http.StatusUnauthorized,
	ECodeForbidden:        http.StatusForbidden,
	ECodeMethodNotAllowed: http.StatusMethodNotAllowed,
	ECodeTooLarge:         http.StatusRequestEntityTooLarge,
	ECodeUnsupportedMedia: http.StatusUnsupportedMediaType,
	ECodeTimeout:          http.StatusServiceUnavailable,
	ECodeInternal:         http.StatusInternalServerError,
}

// Error is an error as the API reports it: {"error": {"code", "message"}}.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Error returns the message prefixed with the code.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// Errorf returns an *Error with a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the API code of any error: an *Error's own code, else
// the code of the store sentinel, size limit or deadline it wraps, else
// ECodeInternal.
func ErrorCode(err error) string {
	var e *Error
	var mb *http.MaxBytesError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &e):
		return e.Code
	case errors.Is(err, dyad.ErrInvalid):
		return ECodeInvalid
	case errors.Is(err, dyad.ErrNotFound):
		return ECodeNotFound
	case errors.As(err, &mb):
		return ECodeTooLarge
	case errors.Is(err, context.DeadlineExceeded):
		return ECodeTimeout
	}
	return ECodeInternal
}

// ErrorMessage returns the message a client sees for err. Internal errors
// say nothing about the internals; they are logged instead.
func ErrorMessage(err error) string {
	var e *Error
	var mb *http.MaxBytesError
	switch code := ErrorCode(err); {
	case errors.As(err, &e):
		return e.Message
	case code == ECodeInvalid:
		// The store's wrapping ("sqlite: ...: dyad: invalid: x") says
		// nothing a client needs; keep what follows the sentinel.
		msg := err.Error()
		if i := strings.LastIndex(msg, dyad.ErrInvalid.Error()+": "); i >= 0 {
			msg = msg[i+len(dyad.ErrInvalid.Error())+2:]
		}
		return msg
	case code == ECodeNotFound:
		return "not found"
	case errors.As(err, &mb):
		return fmt.Sprintf("the request body is larger than %d bytes", mb.Limit)
	case code == ECodeTimeout:
		return "the request took too long; narrow the filters and try again"
	}
	return "internal error"
}

// ErrorStatus returns the HTTP status code for an error code.
func ErrorStatus(code string) int {
	if s, ok := codeStatus[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}

// writeError reports err to the client as JSON with its status code, and
// logs internal errors. A request whose client went away gets nothing.
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		s.log.Debug("request canceled", "method", r.Method, "path", r.URL.Path)
		return
	}
	code := ErrorCode(err)
	switch code {
	case ECodeInternal:
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	case ECodeTimeout:
		s.log.Warn("request timed out", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	if code == ECodeUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dyad"`)
	}
	s.writeJSON(w, ErrorStatus(code), struct {
		Error *Error `json:"error"`
	}{&Error{Code: code, Message: ErrorMessage(err)}})
}

// writeJSON writes v as the JSON response body.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"error":{"code":"internal","message":"internal error"}}`)
		s.log.Error("encoding a response", "err", err)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}
