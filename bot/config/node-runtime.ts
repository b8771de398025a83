// The supported runtime: Node 24 LTS (what Azure runs and .nvmrc names), Node 22 LTS too. Node 20
// is past end of life (April 2026): it still starts, with one warning line, for machines that
// have nothing newer; anything older stops start-up.
export const SUPPORTED_NODE = 'Node.js 24 LTS (22 also supported)';

export type NodeRuntimeCheck = { ok: true; warning: string | null } | { ok: false; message: string };

/** `version` as in process.versions.node, e.g. '24.22.3'. */
export function checkNodeRuntime(version: string): NodeRuntimeCheck {
  const major = Number(version.split('.')[0]);
  if (!Number.isInteger(major) || major < 20) {
    return { ok: false, message: `Node.js ${version} is not supported; use ${SUPPORTED_NODE}` };
  }
  if (major === 20) {
    return { ok: true, warning: `warning: Node.js ${version} is past its end of life (April 2026); use ${SUPPORTED_NODE}` };
  }
  if (major % 2 === 1) {
    return { ok: true, warning: `warning: Node.js ${version} is not a long-term-support release; use ${SUPPORTED_NODE}` };
  }
  return { ok: true, warning: null };
}
