/**
 * Stands in for `linkify-it` in the bundles: markdown-it constructs a linkifier even though
 * we never enable its `linkify` option (the reader masks bare URLs itself). Saves ~16 KB.
 */
export class LinkifyIt {
  set(): this {
    return this;
  }
  tlds(): this {
    return this;
  }
  add(): this {
    return this;
  }
  test(): boolean {
    return false;
  }
  pretest(): boolean {
    return false;
  }
  matchAtStart(): null {
    return null;
  }
  match(): null {
    return null;
  }
}

export default LinkifyIt;
