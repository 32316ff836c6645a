/** A button that opens a dialog with a form: Save submits the form, Cancel closes it; the form closes it when done. */
import { Button, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLang } from '../i18n/index.js';

export function FormDialog({
  title,
  button = 'default',
  size,
  form,
  pending,
  children,
}: {
  title: string;
  button?: 'primary' | 'default' | 'link';
  size?: 'small';
  form: FormInstance;
  /** The form's request is on its way. */
  pending: boolean;
  /** The form, given the function that closes the dialog once its request is done. */
  children: (close: () => void) => ReactNode;
}) {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Button type={button} size={size} onClick={() => setOpen(true)}>
        {title}
      </Button>
      <Modal
        open={open}
        title={title}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={pending}
        onCancel={close}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {children(close)}
      </Modal>
    </>
  );
}
