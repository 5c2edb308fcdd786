// Checks every resource of a Kubernetes manifest against the Kubernetes API's JSON schemas (kubernetes-models):
// types, required fields, formats. What `kubectl apply --dry-run=client` checks, without a cluster to ask.
// Usage: node schema-check.mjs MANIFEST.yml; prints one line a resource; exits 1 if any is invalid.
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

let invalid = 0;
for (const document of parseAllDocuments(readFileSync(process.argv[2], 'utf8'))) {
    const resource = document.toJSON();
    if (!resource) {
        continue;
    }
    const name = `${resource.apiVersion} ${resource.kind} ${resource.metadata?.name}`;
    try {
        const model = await import(`kubernetes-models/${resource.apiVersion}/${resource.kind}`);
        new model[resource.kind](resource).validate();
        console.log(`valid: ${name}`);
    } catch (e) {
        invalid++;
        console.log(`invalid: ${name}: ${e.message}`);
    }
}
process.exit(invalid === 0 ? 0 : 1);
