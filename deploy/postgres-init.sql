-- One database per union subgraph; each subgraph migrates and seeds its own on first start.
CREATE DATABASE nlf_lederne;
CREATE DATABASE nlf_utdanningsforbundet;
CREATE DATABASE nlf_fagforbundet;
CREATE DATABASE nlf_ledarna;
CREATE DATABASE nlf_lo;
