-- One database per subgraph (each union, and the cooperation secretariat's); each subgraph migrates and seeds its own on first start.
CREATE DATABASE nlf_lederne;
CREATE DATABASE nlf_utdanningsforbundet;
CREATE DATABASE nlf_fagforbundet;
CREATE DATABASE nlf_ledarna;
CREATE DATABASE nlf_lo;
CREATE DATABASE nlf_cooperation;
