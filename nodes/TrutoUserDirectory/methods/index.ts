// The node's methods: pick lists. The node imports this file.
export { listSearch } from './listSearch';
