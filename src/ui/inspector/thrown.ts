// Error texts as the user sees them, without doubled prefixes. Messages of module
// errors already carry the thrown value's name ("Error: boom", "TypeError: …",
// describeThrown in compile/locate.ts); a label must not add another "Error:".

/** "Error: boom" stays as is; a bare message gets "Error: " in front. */
export function errorText(message: string): string {
  return /^[\w$.]*(Error|Exception|Warning|Interrupt|Exit):|^non-Error value thrown:/.test(message) ? message : `Error: ${message}`;
}

/** "router.ts: boom", but "router.ts get_users_for_states raised …" stays without a second "router.ts". */
export function withModule(module: string, message: string): string {
  return message.startsWith(`${module} `) || message.startsWith(`${module}:`) ? message : `${module}: ${message}`;
}
