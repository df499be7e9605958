import type { OfficeSettingsContent } from '@pandawa/contracts';
import type { CaseTemplates } from './case-notice.js';

/**
 * The templates an office's citizens get when the window is closed (architecture §3.2): the
 * names its admin set (`templates.case_update`, `templates.officer_reply`), each one unset taken
 * from the configuration (`TEMPLATE_CASE_UPDATE`, `TEMPLATE_OFFICER_REPLY`). The language stays
 * the configured one: the settings have none. An office's template must take the same
 * parameters as the configured one (case update: tracking code, status label; officer reply:
 * tracking code). Returns `configured` itself when the settings name neither.
 */
export function officeTemplates(
  configured: CaseTemplates,
  templates: OfficeSettingsContent['templates'],
): CaseTemplates {
  if (!templates?.case_update && !templates?.officer_reply) return configured;
  return {
    ...configured,
    caseUpdate: templates.case_update ?? configured.caseUpdate,
    officerReply: templates.officer_reply ?? configured.officerReply,
  };
}
