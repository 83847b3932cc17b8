"""The one place where namespaces and vocabulary terms are defined.

Every IRI the code writes goes through here or through :mod:`gcm_graph.iris`, so that the public
vocabulary (an API other systems query) cannot drift by a typo: asking for a term that is not declared
raises ``AttributeError`` at import time of the calling module, not a silent new predicate in the dump.
A test checks that every ``gcm:`` term listed here is declared in ``ontology/gcm.ttl`` and vice versa.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

GCM_NS = "https://w3id.org/gcm/ontology#"
ONTOLOGY_IRI = "https://w3id.org/gcm/ontology"
ID_BASE = "https://w3id.org/gcm/id/"

PREFIXES: dict[str, str] = {
    "gcm": GCM_NS,
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "void": "http://rdfs.org/ns/void#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "sdg": "http://metadata.un.org/sdg/",
}


class Namespace:
    """A closed namespace: only the listed local names exist (like rdflib's DefinedNamespace, _fail=True)."""

    def __init__(self, base: str, terms: str) -> None:
        self.base = base
        self.terms = frozenset(terms.split())
        for term in self.terms:
            setattr(self, term, NamedNode(base + term))

    def __getattr__(self, name: str) -> NamedNode:
        raise AttributeError(f"{name!r} is not a declared term of <{self.base}>")

    def __contains__(self, iri: str) -> bool:
        return iri.startswith(self.base) and iri[len(self.base):] in self.terms


GCM = Namespace(
    GCM_NS,
    # classes: documents and their structure
    "Document Report Section Summary Box Annex Table TableRow TextUnit Paragraph TextBlock ListItem Footnote "
    "FootnoteMarker "
    # classes: the things reports talk about
    "Objective GuidingPrinciple Actor Country Organization UNEntity IntergovernmentalOrganization "
    "NonGovernmentalOrganization PrivateSectorBody LocalAuthority Person ActorGroup "
    "SDGGoal SDGTarget SDGIndicator "
    # classes: extracted facts
    "Mention Practice Recommendation Statistic MonetaryAmount Event Meeting Panel SideEvent Role "
    "ObjectiveAssignment ExtractionRule "
    # document structure properties
    "paragraphNumber annex text order sectionNumber sectionLevel sectionType hasFootnote footnoteLabel "
    "citationOffset sourceFile sourceSegment sourceChecksum session agendaItem reportType issuingBody "
    "year itemLabel row cell hasFootnoteMarker footnote markerOffset "
    # extraction properties
    "mentions mentionedIn refersTo anchorOf beginIndex endIndex "
    "actor objective principle evidence confidence rule assignedTo "
    "value unit currency measure "
    "startDate endDate place attendee speaker role person country moderator panellist organizer "
    "addressee cites keyword shortName extractorVersion "
    "m49 iso2 iso3 region subregion "
    # reference vocabularies (issue 3)
    "Region officialName officialZhLabel",
)

DCTERMS = Namespace(
    PREFIXES["dcterms"],
    "identifier title description isPartOf hasPart language date source created modified license "
    "publisher issued type subject references bibliographicCitation alternative",
)
PROV = Namespace(
    PREFIXES["prov"],
    "Activity SoftwareAgent Entity wasDerivedFrom wasGeneratedBy used wasAssociatedWith "
    "startedAtTime endedAtTime generatedAtTime",
)
SKOS = Namespace(
    PREFIXES["skos"],
    "Concept ConceptScheme prefLabel altLabel hiddenLabel notation inScheme topConceptOf hasTopConcept "
    "exactMatch closeMatch broader narrower related definition note",
)
OA = Namespace(
    PREFIXES["oa"],
    "Annotation SpecificResource TextPositionSelector TextQuoteSelector hasBody hasTarget hasSource "
    "hasSelector start end exact prefix suffix motivatedBy identifying tagging describing",
)
RDF = Namespace(PREFIXES["rdf"], "type value langString")
RDFS = Namespace(PREFIXES["rdfs"], "label comment seeAlso subClassOf subPropertyOf domain range")
OWL = Namespace(PREFIXES["owl"], "sameAs Ontology Class ObjectProperty DatatypeProperty versionInfo versionIRI")
XSD = Namespace(
    PREFIXES["xsd"], "string integer decimal double boolean date gYear dateTime anyURI nonNegativeInteger"
)
FOAF = Namespace(PREFIXES["foaf"], "name Person Organization Document homepage page")
