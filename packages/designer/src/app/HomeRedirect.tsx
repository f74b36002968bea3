import { Navigate } from 'react-router';
import { useAuth } from './auth/AuthContext';
import { homeFor } from './homeFor';
import { Loading } from './Loading';

export function HomeRedirect() {
  const { user } = useAuth();
  if (user === undefined) return <Loading />;
  if (user === null) return <Navigate to="/login" replace />;
  return <Navigate to={homeFor(user)} replace />;
}
