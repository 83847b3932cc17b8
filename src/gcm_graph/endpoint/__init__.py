"""The SPARQL 1.1 Protocol without a web framework: request parsing, negotiation, guards, execution.

Everything here is plain Python (werkzeug's header parsing aside) so that the rules of the protocol can be
tested without a server and reused by any front end; ``web/sparql_views.py`` only adapts Flask to it.
"""
