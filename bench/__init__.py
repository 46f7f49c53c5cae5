"""The benchmark suite (`make bench`, `make bench QUICK=1`): every performance target measured."""
