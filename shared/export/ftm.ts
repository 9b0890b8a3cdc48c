import type { ApproxDate } from '../dates/types';
import { formatApproxDate } from '../dates';
import type { Actor } from '../model/actor';
import type { Citation } from '../model/common';
import type { CaseEvent } from '../model/event';
import { ACLED_LABELS, totalFatalities } from '../model/event';
import type { SourceDocument } from '../model/document';
import { currentStatusEntry, statusTimeline } from '../model/status';
import { countryCode, languageCode } from './codes';
import { containingPrefix, endPrefix, startPrefix } from './dates';
import { KIND_LABELS, NAME_TYPE_LABELS, ROLE_LABELS, STATUS_LABELS } from './labels';
import { placeText, seizureText } from './text';
import type { ExportInput } from './types';

/**
 * FollowTheMoney entities as newline-delimited JSON (the `.ftm` files Aleph's and
 * OpenSanctions' `ftm` tools read): one `{id, schema, properties}` object per line,
 * every property value a string. docs/exports.md has the mapping and what is left out.
 */

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

export interface FtmOptions {
  /**
   * SHA-1 of each document's bytes, keyed by the document's SHA-256. FollowTheMoney's
   * `contentHash` is the SHA-1 Aleph files a document's bytes under; Casefile identifies
   * files by SHA-256, so without this map `contentHash` is left out (never filled with a
   * SHA-256). `sha1Hex` computes it from the bytes.
   */
  contentSha1?: Readonly<Record<string, string>>;
  /**
   * Pages where Casefile's name matching found an actor (issue #11). Each document and
   * actor becomes one Documentation with role "mentioned", worded as found by matching,
   * not as a researcher's citation.
   */
  mentions?: readonly FtmMention[];
}

/** One page of a document naming an actor, as the mentions index found it. */
export interface FtmMention {
  documentId: string;
  /** 1-based page number. */
  page: number;
  actorId: string;
  /** Words around the first match on the page, if known. */
  snippet?: string;
}

const ID_PREFIX = 'casefile';
export const ftmId = {
  actor: (id: string) => `${ID_PREFIX}-actor-${id}`,
  membership: (id: string) => `${ID_PREFIX}-membership-${id}`,
  event: (id: string) => `${ID_PREFIX}-event-${id}`,
  document: (id: string) => `${ID_PREFIX}-document-${id}`,
  page: (documentId: string, page: number) => `${ID_PREFIX}-page-${documentId}-${page}`,
  citation: (id: string) => `${ID_PREFIX}-citation-${id}`,
  mention: (documentId: string, actorId: string) => `${ID_PREFIX}-mention-${documentId}-${actorId}`,
};

class Entity {
  readonly properties: Record<string, string[]> = {};
  constructor(readonly id: string, readonly schema: string) {}

  add(prop: string, ...values: (string | number | null | undefined)[]): this {
    for (const raw of values) {
      if (raw === null || raw === undefined) continue;
      const value = String(raw).trim();
      if (!value) continue;
      const list = (this.properties[prop] ??= []);
      if (!list.includes(value)) list.push(value);
    }
    return this;
  }

  has(prop: string): boolean {
    return (this.properties[prop]?.length ?? 0) > 0;
  }

  toJSON(): FtmEntity {
    return { id: this.id, schema: this.schema, properties: this.properties };
  }
}

const SHA1 = /^[0-9a-f]{40}$/;

/** One value for a date property: the prefix that contains the whole approximate date, if any. */
function singleDate(d: ApproxDate | null): string | null {
  return d ? containingPrefix(d) : null;
}

function periodText(from: ApproxDate | null, to: ApproxDate | null): string {
  if (!from && !to) return '';
  return `${from ? formatApproxDate(from) : '…'} – ${to ? formatApproxDate(to) : '…'}`;
}

export function exportFtmEntities(input: ExportInput, opts: FtmOptions = {}): FtmEntity[] {
  const out: Entity[] = [];
  const documents = new Map<string, SourceDocument>(input.documents.map((d) => [d.id, d]));
  const actors = new Map<string, Actor>(input.actors.map((a) => [a.id, a]));
  const events = new Map<string, CaseEvent>(input.events.map((e) => [e.id, e]));
  const docIds = new Set<string>();

  // Documents first, then what cites them.
  for (const doc of documents.values()) {
    const e = new Entity(ftmId.document(doc.id), 'Pages')
      .add('name', doc.title).add('title', doc.title).add('fileName', doc.fileName).add('fileSize', doc.byteLength)
      .add('mimeType', doc.mimeType).add('author', doc.author).add('publisher', doc.publisher)
      .add('publishedAt', singleDate(doc.publishedOn)).add('sourceUrl', doc.url)
      .add('language', languageCode(doc.language)).add('keywords', ...doc.tags).add('notes', doc.notes)
      .add('notes', `SHA-256: ${doc.sha256}`);
    const sha1 = opts.contentSha1?.[doc.sha256]?.toLowerCase();
    if (sha1 && SHA1.test(sha1)) e.add('contentHash', sha1);
    out.push(e);
    docIds.add(doc.id);
  }
  for (const { documentId, pages } of input.pages) {
    if (!docIds.has(documentId)) continue;
    pages.forEach(({ text }, i) => {
      // Aleph numbers pages from 1, as Casefile's citations do.
      out.push(new Entity(ftmId.page(documentId, i + 1), 'Page').add('document', ftmId.document(documentId)).add('index', i + 1).add('bodyText', text));
    });
  }

  const citationLinks: { citation: Citation; entityId: string; role: string }[] = [];
  const cite = (citations: readonly Citation[], entityId: string, role: string) => {
    for (const citation of citations) citationLinks.push({ citation, entityId, role });
  };
  const proofOf = (citations: readonly Citation[]) => citations.filter((c) => docIds.has(c.documentId)).map((c) => ftmId.document(c.documentId));

  for (const actor of actors.values()) {
    const isPerson = actor.kind === 'person';
    const id = ftmId.actor(actor.id);
    const e = new Entity(id, isPerson ? 'Person' : 'Organization').add('name', actor.name);
    for (const n of actor.names) e.add(n.type === 'previous_name' ? 'previousName' : 'alias', n.name);
    e.add('description', actor.description).add('keywords', ...actor.tags);
    if (isPerson) {
      e.add('nationality', countryCode(actor.nationality))
        .add('birthDate', singleDate(actor.birth)).add('deathDate', singleDate(actor.death));
      for (const m of actor.memberships) {
        const group = actors.get(m.groupId);
        if (group && m.role) e.add('position', `${m.role}, ${group.name}`);
      }
    } else {
      e.add('country', countryCode(actor.nationality)).add('classification', KIND_LABELS.en[actor.kind]);
    }
    const current = currentStatusEntry(actor.statusHistory);
    if (current) e.add('status', STATUS_LABELS.en[current.status]);
    for (const s of statusTimeline(actor.statusHistory)) {
      const when = s.date ? formatApproxDate(s.date) : 'undated';
      e.add('notes', [`${when}: ${STATUS_LABELS.en[s.status]}`, s.place, s.note].filter(Boolean).join(' — '));
    }
    const allCitations = [
      ...actor.citations, ...actor.names.flatMap((n) => n.citations), ...actor.memberships.flatMap((m) => m.citations),
      ...actor.statusHistory.flatMap((s) => s.citations),
    ];
    e.add('proof', ...proofOf(allCitations));
    out.push(e);

    cite(actor.citations, id, isPerson ? 'Person' : 'Organization');
    for (const n of actor.names) cite(n.citations, id, `${NAME_TYPE_LABELS.en[n.type]}: ${n.name}`);
    for (const s of actor.statusHistory) {
      cite(s.citations, id, `Status: ${STATUS_LABELS.en[s.status]}${s.date ? ` (${formatApproxDate(s.date)})` : ''}`);
    }
    for (const m of actor.memberships) {
      const group = actors.get(m.groupId);
      cite(m.citations, id, `Membership: ${[m.role, group?.name].filter(Boolean).join(', ')}`);
    }
  }

  for (const actor of actors.values()) {
    for (const m of actor.memberships) {
      const group = actors.get(m.groupId);
      // FollowTheMoney's Membership joins a legal entity to an Organization; a group
      // outside this export, or a person given as the group, has no entity to point at.
      if (!group || group.kind === 'person') continue;
      out.push(new Entity(ftmId.membership(m.id), 'Membership')
        .add('member', ftmId.actor(actor.id)).add('organization', ftmId.actor(group.id)).add('role', m.role)
        .add('startDate', singleDate(m.from)).add('endDate', singleDate(m.to))
        .add('summary', periodText(m.from, m.to)).add('description', m.note));
    }
  }

  for (const ev of events.values()) {
    const id = ftmId.event(ev.id);
    const e = new Entity(id, 'Event').add('name', ev.title)
      .add('summary', `${ACLED_LABELS[ev.type]}: ${ACLED_LABELS[ev.subType as keyof typeof ACLED_LABELS] ?? ev.subType}`)
      .add('description', ev.description);
    if (ev.date) {
      const single = containingPrefix(ev.date);
      if (single) e.add('date', single);
      else e.add('startDate', startPrefix(ev.date.earliest)).add('endDate', endPrefix(ev.date.latest));
    }
    e.add('location', placeText(ev.place)).add('country', countryCode(ev.place.country));
    const involved = [...ev.participants.map((p) => p.actorId), ...ev.fatalities.bySide.flatMap((s) => (s.actorId ? [s.actorId] : []))];
    e.add('involved', ...involved.filter((a) => actors.has(a)).map(ftmId.actor));
    e.add('organizer', ...ev.participants.filter((p) => p.role === 'leader' && actors.has(p.actorId)).map((p) => ftmId.actor(p.actorId)));
    e.add('keywords', ...ev.tags);
    const roles = ev.participants.filter((p) => actors.has(p.actorId))
      .map((p) => `${actors.get(p.actorId)!.name} (${ROLE_LABELS.en[p.role]})`);
    if (roles.length) e.add('notes', `Participants: ${roles.join('; ')}`);
    const total = totalFatalities(ev);
    if (total !== null) {
      const sides = ev.fatalities.bySide.map((s) => `${s.label || actors.get(s.actorId ?? '')?.name || 'unattributed'}: ${s.count}`);
      e.add('notes', `Fatalities: ${total}${sides.length ? ` (${sides.join('; ')})` : ''}`);
    }
    if (ev.seizures.length) e.add('notes', `Seized: ${ev.seizures.map((x) => seizureText(x)).join('; ')}`);
    if (ev.date && !containingPrefix(ev.date)) e.add('notes', `Date as reported: ${formatApproxDate(ev.date)}`);
    e.add('proof', ...proofOf([...ev.citations, ...ev.participants.flatMap((p) => p.citations)]));
    out.push(e);
    cite(ev.citations, id, 'Event');
    for (const p of ev.participants) {
      cite(p.citations, id, `Participant: ${actors.get(p.actorId)?.name ?? p.actorId} (${ROLE_LABELS.en[p.role]})`);
    }
  }

  const emitted = new Set(out.map((e) => e.id));
  for (const { citation, entityId, role } of citationLinks) {
    const id = ftmId.citation(citation.id);
    if (!docIds.has(citation.documentId) || !emitted.has(entityId) || emitted.has(id)) continue;
    const where = citation.page === null ? 'Whole document' : `Page ${citation.page}`;
    out.push(new Entity(id, 'Documentation')
      .add('document', ftmId.document(citation.documentId)).add('entity', entityId).add('role', role)
      .add('summary', citation.note ? `${where}: ${citation.note}` : where).add('description', citation.quote));
    emitted.add(id);
  }
  out.push(...mentionLinks(opts.mentions ?? [], docIds, emitted));
  return out.map((e) => e.toJSON());
}

/** One Documentation per document and actor, listing the pages in order; only for entities emitted. */
function mentionLinks(mentions: readonly FtmMention[], docIds: ReadonlySet<string>, emitted: ReadonlySet<string>): Entity[] {
  const byPair = new Map<string, { documentId: string; actorId: string; pages: number[]; snippet: string }>();
  for (const m of mentions) {
    if (!docIds.has(m.documentId) || !emitted.has(ftmId.actor(m.actorId)) || !Number.isInteger(m.page) || m.page < 1) continue;
    const key = ftmId.mention(m.documentId, m.actorId);
    const pair = byPair.get(key) ?? { documentId: m.documentId, actorId: m.actorId, pages: [], snippet: '' };
    if (!pair.pages.includes(m.page)) pair.pages.push(m.page);
    if (!pair.snippet && m.snippet) pair.snippet = m.snippet;
    byPair.set(key, pair);
  }
  return [...byPair.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, pair]) => {
    const pages = [...pair.pages].sort((a, b) => a - b);
    return new Entity(id, 'Documentation')
      .add('document', ftmId.document(pair.documentId)).add('entity', ftmId.actor(pair.actorId)).add('role', 'mentioned')
      .add('summary', `${pages.length === 1 ? 'Page' : 'Pages'} ${pages.join(', ')} (found by matching the actor's names; not a citation)`)
      .add('description', pair.snippet);
  });
}

/** The case as FollowTheMoney newline-delimited JSON, one entity per line, ending in a newline. */
export function exportFtm(input: ExportInput, opts: FtmOptions = {}): string {
  return exportFtmEntities(input, opts).map((e) => `${JSON.stringify(e)}\n`).join('');
}
