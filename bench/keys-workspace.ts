/**
 * Generates a PHP workspace shaped like MediaWiki for the key scan benchmark: nested component
 * folders, namespaced classes with doc comments and methods; most files have no cache key, a few
 * hundred build keys (local, global, some hand-joined), and some mention caches without keys.
 * Deterministic: the same seed gives the same files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from './random.js';


const COMPONENTS = ['Revision', 'FileRepo', 'Page', 'User', 'Parser', 'Storage', 'Title', 'Linker', 'Api', 'Specials', 'Cache', 'Language', 'Logging', 'Rdbms', 'JobQueue', 'Html', 'Http', 'Session', 'Search', 'Media'];
const WORDS = ['revision', 'page', 'user', 'file', 'thumb', 'title', 'link', 'props', 'slot', 'content', 'block', 'group', 'option', 'message', 'category', 'template', 'redirect', 'section', 'language', 'namespace'];

function plainMethod(r: () => number, i: number): string {
  const w = WORDS[Math.floor(r() * WORDS.length)];
  return `
	/**
	 * Returns the ${w} data for the given identifier, normalised for callers.
	 *
	 * @param int $id ${w} identifier
	 * @param array $options Lookup options
	 * @return array|null
	 */
	public function get${w[0].toUpperCase() + w.slice(1)}Data${i}( $id, array $options = [] ) {
		if ( $id <= 0 ) {
			throw new InvalidArgumentException( "Invalid ${w} id: $id" );
		}
		$row = $this->loadBalancer->getConnection( DB_REPLICA )->selectRow(
			'${w}',
			[ '${w}_id', '${w}_name', '${w}_touched' ],
			[ '${w}_id' => $id ],
			__METHOD__
		);
		if ( !$row ) {
			return null;
		}
		$result = [];
		foreach ( $options as $name => $value ) {
			$result[$name] = is_string( $value ) ? trim( $value ) : $value;
		}
		$result['name'] = $row->${w}_name;
		$result['touched'] = wfTimestamp( TS_MW, $row->${w}_touched );
		return $result;
	}
`;
}

function keyMethod(r: () => number, i: number): string {
  const w = WORDS[Math.floor(r() * WORDS.length)];
  const pick = r();
  if (pick < 0.45) return `
	public function get${w}Key${i}( $id ) {
		return $this->wanCache->makeKey( '${w}-${i % 40}', $id );
	}
`;
  if (pick < 0.8) return `
	public function getShared${w}Key${i}( $wikiId, $id ) {
		return $this->wanCache->makeGlobalKey( '${w}-shared-${i % 30}', $wikiId, $id );
	}
`;
  if (pick < 0.9) return `
	public function load${w}${i}( $id ) {
		return $this->srvCache->get( '${w}:' . $id );
	}
`;
  return `
	public function getSharedCacheKey${i}( ...$args ) {
		array_unshift( $args, $this->wiki );
		return implode( ':', $args );
	}
`;
}

/** Writes `count` files (of which `withKeys` build keys) under `dir`, replacing what was there. */
export function generateWorkspace(dir: string, count = 5000, withKeys = 300, seed = 2020): { files: number; bytes: number } {
  rmSync(dir, { recursive: true, force: true });
  const r = random(seed);
  let bytes = 0;
  const keyed = new Set<number>();
  while (keyed.size < withKeys) keyed.add(Math.floor(r() * count));
  for (let n = 0; n < count; n++) {
    const component = COMPONENTS[n % COMPONENTS.length];
    const sub = `sub${Math.floor(n / 100) % 10}`;
    const folder = join(dir, 'includes', component, sub);
    mkdirSync(folder, { recursive: true });
    const name = `${component}${WORDS[n % WORDS.length][0].toUpperCase()}${WORDS[n % WORDS.length].slice(1)}${n}`;
    const methods = 3 + Math.floor(r() * 12);
    const cacheMention = !keyed.has(n) && r() < 0.05;
    let body = `<?php
/**
 * ${component} support: ${name}.
 *
 * This program is free software; you can redistribute it and/or modify it under the terms of
 * the GNU General Public License as published by the Free Software Foundation.
 *
 * @file
 */

namespace MediaWiki\\${component};

use InvalidArgumentException;
use Wikimedia\\Rdbms\\ILoadBalancer;
${keyed.has(n) ? 'use WANObjectCache;\nuse BagOStuff;\n' : ''}
/**
 * Handles ${component.toLowerCase()} records${cacheMention ? ' (results are cached by the caller)' : ''}.
 */
class ${name} {
	private ILoadBalancer $loadBalancer;
${keyed.has(n) ? '\tprivate WANObjectCache $wanCache;\n\tprivate BagOStuff $srvCache;\n\tprivate string $wiki;\n' : ''}
	public function __construct( ILoadBalancer $loadBalancer ) {
		$this->loadBalancer = $loadBalancer;
	}
`;
    for (let m = 0; m < methods; m++) body += plainMethod(r, m);
    if (keyed.has(n)) for (let k = 0, nk = 1 + Math.floor(r() * 3); k < nk; k++) body += keyMethod(r, n * 10 + k);
    body += '}\n';
    writeFileSync(join(folder, `${name}.php`), body);
    bytes += Buffer.byteLength(body);
  }
  return { files: count, bytes };
}
