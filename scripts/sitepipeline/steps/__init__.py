"""Steps after the engine: _headers and robots.txt, the PDF handouts and booklet."""
