#!/usr/bin/env python
"""Django's manage.py; the installed `haicap` command does the same."""

from haicap.cli import main

if __name__ == "__main__":
    main()
