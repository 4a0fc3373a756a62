"""What the hooks share about the MkDocs process and the build in progress (serving.py).

The hooks in overrides/hooks/ only wire MkDocs' events to their libraries: this
package, finnish/ (the Finnish language) and the modules the hooks name.
"""
