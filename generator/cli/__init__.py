"""Command-line interface: ``python -m generator`` / ``infoscale-docgen``; one module per command."""
