// What browser tests read of an element inside playwright's evaluate callbacks. The root compile
// has no DOM library (the product must not lean on it); React's types, which the tab's component
// tests pull in, declare HTMLElement and SVGElement as empty stubs, so the few members the tests
// use are declared here.
interface PageElementBits {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  readonly textContent: string | null;
  readonly tagName: string;
}
interface HTMLElement extends PageElementBits {}
interface SVGElement extends PageElementBits {}
