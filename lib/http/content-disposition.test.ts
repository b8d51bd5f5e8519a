import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition";

describe("contentDisposition", () => {
  it("sends an ASCII fallback and the exact name encoded per RFC 5987", () => {
    expect(contentDisposition("Relevé d'échéances (mars).pdf")).toBe(
      `attachment; filename="Releve d'echeances (mars).pdf"; filename*=UTF-8''Relev%C3%A9%20d%27%C3%A9ch%C3%A9ances%20%28mars%29.pdf`,
    );
  });

  it("cannot be broken out of by quotes, semicolons or line breaks", () => {
    expect(contentDisposition('a";\r\nX-Evil: 1.pdf')).toBe(`attachment; filename="a____X-Evil: 1.pdf"; filename*=UTF-8''a%22%3B%0D%0AX-Evil%3A%201.pdf`);
  });
});
