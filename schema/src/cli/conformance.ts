#!/usr/bin/env node
/** nlf-conformance, as @nlf/schema installed it: the command of @nlf/conformance. */
import '@nlf/conformance/cli';
