package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/dyad-project/dyad"
	"github.com/mmcdole/gofeed"
)

// StdinName is the path given to articles and errors read from standard
// input.
const StdinName = "stdin"

// format is a kind of input file.
type format int

const (
	formatUnknown format = iota
	formatText
	formatJSONL
	formatHTML
	formatWARC
	formatFeed
	formatXML // a feed, or a file to skip in a directory
)

// formatOf returns the format a file name's extension announces, or
// formatUnknown.
func formatOf(name string) format {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz") {
		return formatWARC
	}
	switch filepath.Ext(lower) {
	case ".txt":
		return formatText
	case ".jsonl":
		return formatJSONL
	case ".html", ".htm":
		return formatHTML
	case ".rss", ".atom":
		return formatFeed
	case ".xml":
		return formatXML
	}
	return formatUnknown
}

// Walk reads every input in order and calls fn with each article, or with
// the *Error of each document or input that could not be read, in a
// deterministic order. An input is "-" for JSON Lines on stdin, a file, or
// a directory. Directories are walked recursively in lexical order, reading
// .txt, .jsonl, .html, .htm, .warc, .warc.gz, .rss and .atom files and the
// .xml files that are RSS or Atom feeds (extensions in any letter case),
// and skipping other files and hidden files and directories (names
// starting with "."). A file named on its own is read whatever its name; a
// .xml file that is not a feed is an error, and with another extension the
// format is sniffed: gzip data or "WARC/" at the start means a web archive,
// a JSON object on the first line that is not blank means JSON Lines, a
// '<' as the first character that is not white space means an RSS or Atom
// feed when the root element is <rss>, <rdf:RDF> or <feed>, else HTML, and
// anything else plain text.
//
// With no inputs Walk reads nothing: the caller chooses a default such as
// "-". Walk stops and returns the error when fn returns one or when ctx is
// done; otherwise it returns nil, whatever fn was told.
func Walk(ctx context.Context, inputs []string, stdin io.Reader, fn func(a *dyad.Article, err error) error) error {
	call := func(a *dyad.Article, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		return fn(a, err)
	}
	for _, in := range inputs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if in == "-" {
			err = readStdin(stdin, call)
		} else {
			err = walkInput(in, call)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func readStdin(stdin io.Reader, fn func(*dyad.Article, error) error) error {
	if stdin == nil {
		return fn(nil, &Error{Path: StdinName, Offset: -1, Err: errors.New("no standard input")})
	}
	return ReadJSONL(stdin, StdinName, fn)
}

// walkInput reads one file or directory named as an input.
func walkInput(path string, fn func(*dyad.Article, error) error) error {
	info, err := os.Stat(path)
	if err != nil {
		return fn(nil, ioError(path, 0, err))
	}
	if !info.IsDir() {
		return readFile(path, formatOf(path), true, fn)
	}
	var stop error
	werr := filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if stop = fn(nil, ioError(p, 0, err)); stop != nil {
				return stop
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if p != path && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		f := formatOf(p)
		if f == formatUnknown {
			return nil
		}
		if !d.Type().IsRegular() {
			// A symbolic link: read what it points to if that is a file.
			if info, err := os.Stat(p); err != nil || !info.Mode().IsRegular() {
				return nil
			}
		}
		if stop = readFile(p, f, false, fn); stop != nil {
			return stop
		}
		return nil
	})
	if stop != nil {
		return stop
	}
	return werr
}

// readFile reads one file of format f, sniffing the format when f is
// unknown. named tells a file named as an input from one found in a
// directory: only a named .xml file that is not a feed is an error.
func readFile(path string, f format, named bool, fn func(*dyad.Article, error) error) error {
	var data []byte
	var err error
	switch f {
	case formatJSONL, formatUnknown, formatWARC, formatFeed, formatXML:
		file, oerr := os.Open(path)
		if oerr != nil {
			return fn(nil, ioError(path, 0, oerr))
		}
		defer file.Close()
		var r io.Reader = file
		if f == formatUnknown || f == formatXML {
			xml := f == formatXML
			if f, r, err = sniff(file); err != nil {
				return fn(nil, ioError(path, 0, err))
			}
			if xml && f != formatFeed {
				if !named {
					return nil
				}
				return fn(nil, newError(path, 0, -1, ErrNotArticle, "not an RSS or Atom feed"))
			}
		}
		switch f {
		case formatJSONL:
			return ReadJSONL(r, path, fn)
		case formatWARC:
			return ReadWARC(r, path, fn)
		case formatFeed:
			return ReadFeed(r, path, fn)
		}
		data, err = io.ReadAll(r)
		if err != nil {
			return fn(nil, ioError(path, 0, err))
		}
	default:
		if data, err = os.ReadFile(path); err != nil {
			return fn(nil, ioError(path, 0, err))
		}
	}
	var a *dyad.Article
	if f == formatHTML {
		a, err = ReadHTML(path, data)
	} else {
		a, err = ReadText(path, data)
	}
	if err != nil {
		return fn(nil, err)
	}
	return fn(a, nil)
}

// sniff guesses the format of r from its first bytes and its first line
// that is not blank, and returns a reader that yields all of r again. It
// reads no further than that line, or the first 4 KiB of markup, so it
// works on pipes and on JSON Lines of any size.
func sniff(r io.Reader) (format, io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(len(gzipMagic)); bytes.Equal(head, gzipMagic) {
		return formatWARC, br, nil
	}
	var seen bytes.Buffer
	f := formatText
lines:
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		seen.Write(line)
		if n == 1 {
			line, _ = stripBOM(line)
		}
		if line = bytes.TrimLeft(line, " \t\r\n\f"); len(line) > 0 {
			switch {
			case n == 1 && bytes.HasPrefix(line, []byte("WARC/")):
				f = formatWARC
			case line[0] == '<':
				f = formatHTML
				more, _ := br.Peek(4 << 10)
				if isFeed(append(seen.Bytes()[:seen.Len():seen.Len()], more...)) {
					f = formatFeed
				}
			case line[0] == '{' && json.Valid(line):
				f = formatJSONL
			}
			break lines
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return formatUnknown, nil, err
		}
	}
	return f, io.MultiReader(&seen, br), nil
}

// isFeed reports whether head, the start of a document, opens an RSS,
// RDF or Atom root element.
func isFeed(head []byte) bool {
	switch gofeed.DetectFeedType(bytes.NewReader(head)) {
	case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
		return true
	}
	return false
}
