import type { ActorKind, ActorStatus, NameType } from '../../../shared/model';
import { ACTOR_KINDS, isGroupKind } from '../../../shared/model';
import type { MessageKey } from '../../i18n';

/** Typed message keys for the model's vocabularies, so a new value without a label fails to compile. */
export const kindKey = (kind: ActorKind): MessageKey => `kind.${kind}`;
export const statusKey = (status: ActorStatus): MessageKey => `status.${status}`;
export const nameTypeKey = (type: NameType): MessageKey => `nameType.${type}`;

/** Every kind that is a group, for pickers of groups (memberships, the group filter). */
export const GROUP_KINDS: readonly ActorKind[] = ACTOR_KINDS.filter(isGroupKind);
