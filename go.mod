module parallax

go 1.26.8
