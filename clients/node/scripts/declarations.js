export function declarations() { return "export {};\n"; }
