"""`make bench` (`python -m coursetools bench`): what readers and contributors wait for, measured in
one run. The measures are in runs.py, build.py and serve.py; the report in report.py."""
