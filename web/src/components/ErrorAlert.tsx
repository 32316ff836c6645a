/** A failed request told to the user: the server's message (already in their language) and the fields at fault. */
import { Alert } from 'antd';
import { ApiError } from '../api/client.js';
import { useLang } from '../i18n/index.js';

export function errorText(error: unknown, networkText: string): string {
  if (error instanceof ApiError) return error.code === 'network' ? networkText : error.message;
  return networkText;
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useLang();
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('error.title')}
      description={
        <>
          <div>{errorText(error, t('error.network'))}</div>
          {fields.length > 0 && (
            <ul>
              {fields.map((field) => (
                <li key={`${field.path}-${field.code}`}>
                  {field.path}: {field.message ?? field.code}
                </li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
