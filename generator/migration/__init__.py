"""Output kind: migration."""
