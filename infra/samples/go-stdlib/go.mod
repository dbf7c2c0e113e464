module example.com/go-stdlib

go 1.19
