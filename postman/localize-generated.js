#!/usr/bin/env node
// Called by postman/generate.sh: points a collection converted by openapi-to-postmanv2 at the variables of
// postman/local.postman_environment.json, so that it runs against ./homebiyori run without editing.
//   node postman/localize-generated.js user|admin|internal IN.json OUT.json
'use strict';
const fs = require('fs');

const [api, input, output] = process.argv.slice(2);
const settings = {
  user: { baseUrl: '{{user_api}}', pool: 'user' },
  admin: { baseUrl: '{{admin_api}}', pool: 'admin' },
  internal: { baseUrl: '{{internal_api}}', pool: null },
}[api];
if (!settings || !input || !output) {
  console.error('usage: node postman/localize-generated.js user|admin|internal IN.json OUT.json');
  process.exit(2);
}

const collection = JSON.parse(fs.readFileSync(input, 'utf8').split('{{baseUrl}}').join(settings.baseUrl));
collection.variable = (collection.variable || []).filter((v) => v.key !== 'baseUrl');
collection.info.name = `${collection.info.name} (generated)`;

if (settings.pool) {
  const pool = settings.pool;
  collection.auth = { type: 'bearer', bearer: [{ key: 'token', value: `{{${pool}_token}}`, type: 'string' }] };
  // A token of the local dev issuer for {{<pool>_sub}}, minted when none is set or it is about to expire.
  // Set <pool>_token yourself (e.g. a real Cognito token) to skip this.
  collection.event = [{
    listen: 'prerequest',
    script: {
      type: 'text/javascript',
      exec: [
        `// Local stack only: mints a ${pool}-pool token from the dev issuer ({{issuer}}) for {{${pool}_sub}}.`,
        `const manual = pm.environment.get('${pool}_token');`,
        `const sub = pm.variables.get('${pool}_sub') || 'qa-${pool}';`,
        `const expires = Number(pm.collectionVariables.get('${pool}_token_expires') || 0);`,
        `if (!manual && (pm.collectionVariables.get('${pool}_token_sub') !== sub || Date.now() > expires - 60000)) {`,
        `  pm.sendRequest({ url: pm.variables.get('issuer') + '/dev/tokens?pool=${pool}&sub=' + encodeURIComponent(sub) + '&expires_in=PT1H', method: 'POST' }, (err, res) => {`,
        `    if (err || res.code !== 200) {`,
        `      console.error('no ${pool} token from the dev issuer at ' + pm.variables.get('issuer') + ': is ./homebiyori run running?', err || res.code);`,
        `      return;`,
        `    }`,
        `    pm.collectionVariables.set('${pool}_token', res.text().trim());`,
        `    pm.collectionVariables.set('${pool}_token_sub', sub);`,
        `    pm.collectionVariables.set('${pool}_token_expires', String(Date.now() + 3600 * 1000));`,
        `  });`,
        `}`,
      ],
    },
  }];
  collection.variable.push({ key: `${pool}_token`, value: '' });
} else {
  collection.auth = {
    type: 'apikey',
    apikey: [
      { key: 'key', value: 'X-API-Key', type: 'string' },
      { key: 'value', value: '{{internal_api_key}}', type: 'string' },
      { key: 'in', value: 'header', type: 'string' },
    ],
  };
}

fs.writeFileSync(output, JSON.stringify(collection, null, 2) + '\n');
