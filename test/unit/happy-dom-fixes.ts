// happy-dom's `Node.prototype.nodeName` getter returns '' for every node (subclasses override it).
// DOMPurify reads tag names through that very getter to resist clobbering, so under happy-dom it would
// see no tag at all. Dispatch to the subclass getter, as a browser does. Import before sanitizing.
const base = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeName');

if (base?.get && base.get.call(document.createElement('b')) === '') {
  const baseGet = base.get;
  Object.defineProperty(Node.prototype, 'nodeName', {
    configurable: true,
    get(this: Node): string {
      for (let proto = Object.getPrototypeOf(this); proto && proto !== Node.prototype; proto = Object.getPrototypeOf(proto)) {
        const own = Object.getOwnPropertyDescriptor(proto, 'nodeName');
        if (own?.get) return own.get.call(this) as string;
      }
      return baseGet.call(this) as string;
    },
  });
}

export {};
