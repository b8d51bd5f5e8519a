import { ApiProblem, problemResponse } from "@/lib/api/problem";

/** Any other path under /api/v1: a problem+json 404 rather than the HTML page. */
function notFound(request: Request) {
  const { pathname } = new URL(request.url);
  return problemResponse(new ApiProblem("not_found", "Cette adresse n'existe pas dans l'API : voir /api/docs."), pathname);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
