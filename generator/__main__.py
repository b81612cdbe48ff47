"""``python -m generator``: the command-line entry point."""

from generator.cli.main import main

if __name__ == "__main__":
    main()
