// The package's main module.
export { LocalVisionClient } from "./client.js";
export { LocalVisionError, Status } from "./errors.js";
export { parseAddress, DEFAULT_PORT } from "./address.js";
