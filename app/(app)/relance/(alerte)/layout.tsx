// The alert page shares the agenda's header but not its loading screen: outside that Suspense boundary an
// alert out of scope is a real 404, not a 200 streamed before the page finds it missing.
export { default } from "../(agenda)/layout";
