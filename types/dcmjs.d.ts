// dcmjs ships no types; services/dimse/dataset-codec.ts is its only user.
declare module 'dcmjs' {
  const dcmjs: any;
  export default dcmjs;
}
