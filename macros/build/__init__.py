"""The build's steps, one module each, called in order by hooks/pipeline.py (the one hook MkDocs
runs). A step is a function with typed arguments that receives the build's state (`Build`,
macros/build/state.py) instead of keeping its own; nothing here is an MkDocs event handler."""
