import { createRequire as __cc_createRequire } from 'node:module'; const require = __cc_createRequire(import.meta.url);
import {
  require_ajv
} from "./chunk-ZVM4QRNV.js";
import "./chunk-XQLTCAZP.js";
import "./chunk-WYB5RVFD.js";
import "./chunk-5KN4D2UO.js";
import "./chunk-YWYC4T6G.js";
import "./chunk-WSMUT4KD.js";
export default require_ajv();
