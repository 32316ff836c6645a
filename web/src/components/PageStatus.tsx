/** A page that is not there or not for the user's role: antd's result, with its picture, loaded only when shown. */
import { Result } from 'antd';

export default function PageStatus({ status, title }: { status: '403' | '404'; title: string }) {
  return <Result status={status} title={title} />;
}
