export interface Option {
  value: string;
  label: string;
}

export interface ReviewCaseView {
  id: string;
  unitId: string;
  unitName: string;
  applicationId: string | null;
  kind: string;
  kindLabel: string;
  filedOn: string;
  body: string;
  caseNo: string | null;
  challengedNotice: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  concludedOn: string | null;
  remarks: string | null;
  pending: boolean;
  canEdit: boolean;
  application: { id: string; receiptNo: string; receivedOn: string | null; repliedOn: string | null; outcomeLabel: string | null } | null;
}
