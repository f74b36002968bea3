import { Navigate } from 'react-router';
import { Spin } from 'antd';
import { useAuth } from './auth/AuthContext';
import { homeFor } from './homeFor';

export function HomeRedirect() {
  const { user } = useAuth();
  if (user === undefined) return <Spin />;
  if (user === null) return <Navigate to="/login" replace />;
  return <Navigate to={homeFor(user)} replace />;
}
