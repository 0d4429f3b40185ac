module github.com/dyad-project/dyad

go 1.26.8
