import { Button, Group, Modal, Stack, type ButtonProps, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

/** What a dialog's form needs of the mutation it runs. */
export interface FormMutation {
  isPending: boolean;
  error: unknown;
  reset: () => void;
}

/** The props of a dialog's form: what submitting does, and how its buttons read. */
export interface ModalFormProps {
  /** Called on submit; the browser's own submission is already prevented. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => unknown;
  submitLabel: string;
  /** Its failure is shown above the fields, its run spins the submit button. */
  mutation?: FormMutation;
  submitColor?: ButtonProps['color'];
  submitDisabled?: boolean;
  children: ReactNode;
}

/**
 * The form inside a dialog: the mutation's failure at the top, worded by the central
 * `errorMessage()` (create the mutation with `meta: { inlineError: true }` so it is not also
 * notified), the fields, then Cancel and the submit button. For a dialog whose form is mounted
 * afresh at each opening; otherwise use `FormModal`.
 */
export function ModalForm({
  onSubmit,
  submitLabel,
  mutation,
  submitColor,
  submitDisabled = false,
  onCancel,
  children,
}: ModalFormProps & { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit(event);
      }}
    >
      <Stack gap="sm">
        {mutation?.error != null && <ErrorAlert error={mutation.error} />}
        {children}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" color={submitColor} loading={mutation?.isPending} disabled={submitDisabled}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A dialog holding a form (`ModalForm`). Closing it (Cancel, Escape, the close button) clears the
 * mutation's failure, so the dialog opens again clean; Mantine gives the focus back to the button
 * that opened it.
 */
export function FormModal({
  opened,
  onClose,
  title,
  size,
  mutation,
  ...form
}: ModalFormProps & {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  size?: ModalProps['size'];
}) {
  const { t } = useTranslation();
  const close = () => {
    mutation?.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      <ModalForm {...form} mutation={mutation} onCancel={close} />
    </Modal>
  );
}
